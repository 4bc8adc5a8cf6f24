import { customType } from 'drizzle-orm/pg-core';

/** The smallest normal single-precision number; below it PostgreSQL's real refuses text input as out of range. */
const FLT_MIN = 1.1754943508222875e-38;

/**
 * A single-precision column (`real`, as pg-core's) that takes any double the API accepts: a value too
 * small for a real (1e-40, 3e-181: a coordinate "next to zero") is written as the 0 it would read back
 * as, instead of failing the statement with "out of range for type real".
 */
export const real = customType<{ data: number; driverData: number }>({
  dataType: () => 'real',
  toDriver: (value) => (value !== 0 && Math.abs(value) < FLT_MIN ? 0 : value),
});
