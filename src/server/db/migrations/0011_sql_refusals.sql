-- Raises a refusal (SQLSTATE LL001, message = the error code, e.g. SHIFT_FULL) from inside a statement,
-- so that a statement can decide a transaction's outcome on its own: the commit queued behind it then
-- rolls back without the application waiting in between (see platform/idempotency.ts finishWith).
CREATE OR REPLACE FUNCTION linli_refuse(code text) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = code, ERRCODE = 'LL001';
END
$$;
