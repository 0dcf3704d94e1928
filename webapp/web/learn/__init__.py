"""The learning page (/learn): the neuron finds its weights."""
