"""Practice: predict mode's answers and verdicts, practice problems, mastery, worksheets.

No Flask. May import the lesson (webapp.lesson); the API and the web layer import it.
"""
