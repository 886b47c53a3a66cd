"""Stage 3: Content -> the frozen Graph (references resolved, events merged, related
briefings, relations). Pure: no IO, no memo types."""
