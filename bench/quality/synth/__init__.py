"""Synthetic, labelled UK children's-services documents for measuring detection quality."""
