"""What every route goes through: the facts each view declares (route_facts.py) and
what acts on them (Cache-Control, rate limits, security headers and framing, cookieless
sessions), the error pages and the static files."""
