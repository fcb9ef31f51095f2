"""Mentions -> canonical entities, within one article and across the corpus."""
