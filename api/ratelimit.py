"""Per-user upload rate limit: a sliding one-minute window kept in memory."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque

from api.errors import ApiError


class RateLimiter:
    def __init__(self, per_minute: int, window: float = 60.0) -> None:
        self.per_minute, self.window = per_minute, window
        self._hits: dict[int, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def check(self, user_id: int) -> None:
        """Count one upload by ``user_id``; raise 429 when over the limit."""
        now = time.monotonic()
        with self._lock:
            hits = self._hits[user_id]
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.per_minute:
                retry = max(1, int(hits[0] + self.window - now) + 1)
                raise ApiError(
                    429,
                    "rate_limited",
                    f"上传过于频繁，请 {retry} 秒后再试 (too many uploads; retry in {retry}s)",
                    headers={"Retry-After": str(retry)},
                )
            hits.append(now)
