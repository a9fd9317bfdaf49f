// The bridge between the extension and `saml-roles credential-process`: the messages both ends
// speak, read in one place. The host's framing and sockets live in the CLI; this is pure.
export {
  BRIDGE_ERROR_CODES,
  BRIDGE_HOST_NAME,
  BRIDGE_MAX_MESSAGE_BYTES,
  BRIDGE_PROTOCOL_VERSION,
  readBridgeRequest,
  readBridgeResponse,
  type BridgeError,
  type BridgeErrorCode,
  type BridgeParse,
  type BridgeRequest,
  type BridgeResponse,
  type BridgeStatus,
} from './bridge/protocol.ts';
