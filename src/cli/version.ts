// The package's version, inlined by the CLI build (only this field) and read by tsx in the clone.
import { version } from '../../package.json';

export const CLI_VERSION: string = version;
