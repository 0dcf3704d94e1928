"""The embeddable widget (/embed, /embed/random) and oEmbed (/oembed)."""
