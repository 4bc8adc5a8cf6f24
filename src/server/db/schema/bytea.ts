import { customType } from 'drizzle-orm/pg-core';

/** Binary content (photos) kept in the database, so it is served only through the API's access checks. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
