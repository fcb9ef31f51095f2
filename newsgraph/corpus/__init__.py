"""Corpus-level work over stored Records: near-duplicate clusters, exports."""
