// Where the console server answers. `/api` + a CSMS path mirrors that CSMS read one for one.
import { operationPath, type ParamsOf, type ReadOperation } from './operations.ts';

export const API_PREFIX = '/api';

export const CONSOLE_PATHS = {
  config: `${API_PREFIX}/config`,
  session: `${API_PREFIX}/session`,
  audit: `${API_PREFIX}/audit`,
  compare: `${API_PREFIX}/compare`,
} as const;

/** The header the app sends on every API call; a cross-site form or image cannot send it. */
export const CONSOLE_REQUEST_HEADER = 'X-Console-Request';

/** The console's mirror of a CSMS read: `/api/v1/{pid}/secrets/db`. */
export const apiPath = <O extends ReadOperation>(operation: O, params: ParamsOf<O>) => `${API_PREFIX}${operationPath(operation, params)}`;
