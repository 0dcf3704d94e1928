"""Practice (/practice, /practice/new, /practice/worksheet)."""
