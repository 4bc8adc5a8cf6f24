// node-postgres's own value serialization (Dates, arrays, JSON), which its queries bind with.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
