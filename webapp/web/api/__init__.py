"""The JSON API's views (views.py: the neuron, checks, training, the OpenAPI document;
challenges.py: the challenges) and what every answer under its prefix shares (cors.py)."""

PREFIX = "/api/v1"
