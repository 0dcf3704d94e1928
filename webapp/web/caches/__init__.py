"""What the web layer keeps in memory: the response cache (WSGI, whole answers), the page
cache (a lesson page's parts per page key) and the one LRU both use."""
