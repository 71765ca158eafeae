-- Projection speed (issue #8): the index of xl_key_write by tx id was never read (a transaction's
-- writes are found by its block number and index, the table's primary key) and cost one more
-- B-tree insert per key write during catch-up.
drop index xl_key_write_tx;
