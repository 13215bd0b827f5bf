"""Session advisory locks on PostgreSQL, held on one dedicated connection and released when it
closes (so also when the process dies). On other databases every lock is granted: there the
caller's own file lock is what counts."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text


class AdvisoryLocks:
    """The advisory locks one process holds."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None

    def try_lock(self, key: int) -> bool:
        """Take lock ``key`` unless another session holds it."""
        if self.engine.dialect.name != "postgresql":
            return True
        if self._conn is None:
            self._conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        return bool(self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())

    def unlock(self, key: int) -> None:
        """Let go of lock ``key``."""
        if self._conn is not None:
            self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})

    def close(self) -> None:
        """Let go of every lock."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
