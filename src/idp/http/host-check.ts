/** The names a local server answers to; anything else is refused before any route runs. */
export interface HostPolicy {
  /** `host:port` values accepted, in the order the refusal names them. */
  names: string[];
  /** Further hostnames accepted on any port (the stand-in answers as AWS's hosts). */
  alsoAccepts?: (hostname: string) => boolean;
  /** How the refusal names what `alsoAccepts` lets in: "an AWS sign-in or STS host". */
  alsoNamed?: string;
  /** What the server is, for the refusal: "this IdP". */
  server: string;
}

/** `127.0.0.1:PORT`, `localhost:PORT` and the host the server was told to listen on. */
export function localNames(port: number, host = '127.0.0.1'): string[] {
  const listened = host.includes(':') ? `[${host}]` : host;
  return [
    ...new Set([`127.0.0.1:${port}`, `localhost:${port}`, `${listened.toLowerCase()}:${port}`]),
  ];
}

/**
 * Why a request's Host header is refused, or undefined when it names this server. A DNS-rebinding
 * page reaches 127.0.0.1 under its own name, and this is what tells it apart: the browser sends
 * that name as the Host.
 */
export function hostProblem(
  header: string | undefined,
  policy: HostPolicy,
): { status: 400 | 421; message: string } | undefined {
  const host = (header ?? '').trim().toLowerCase();
  const names = [...policy.names, ...(policy.alsoNamed ? [policy.alsoNamed] : [])].join(' or ');
  if (host === '')
    return {
      status: 400,
      message: `the request has no Host header; ${policy.server} answers only as ${names}`,
    };
  if (policy.names.includes(host)) return undefined;
  const hostname = host.replace(/:\d+$/, '');
  if (policy.alsoAccepts?.(hostname)) return undefined;
  return {
    status: 421,
    message: `${policy.server} answers only as ${names}; this request named the host "${host.slice(0, 200)}" (a web page reaching it under another name is refused: DNS rebinding)`,
  };
}
