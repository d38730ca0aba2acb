-- Personal data at rest (issue 9): people keep their ID number sealed
-- (id_sealed, AES-256-GCM or SM4-GCM) and its keyed hash (id_hash, the
-- former id_number column with its unique index), the phone sealed
-- (phone_sealed). The rows of an older database still hold plaintext after
-- this file: the migration's Go step (sqldb/crypt_convert.go) seals them in
-- the same transaction, with the key from outside the database.
ALTER TABLE people RENAME COLUMN id_number TO id_hash;
ALTER TABLE people RENAME COLUMN phone TO phone_sealed;
ALTER TABLE people ADD COLUMN id_sealed TEXT NOT NULL DEFAULT '';
