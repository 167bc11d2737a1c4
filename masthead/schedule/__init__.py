"""The publishing clock (scheduled publishing and unpublishing, embargo releases) and each story's timeline."""
