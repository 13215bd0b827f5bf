"""The inbox folder: one pass (``batch``) or continuously (``watch``)."""
