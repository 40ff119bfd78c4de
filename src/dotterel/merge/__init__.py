"""Merging and relations: from single event reports to the state of a dyad over time."""
