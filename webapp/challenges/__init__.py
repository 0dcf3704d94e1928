"""Challenges: "find the weights" — a small table of labelled people and one neuron
whose w₁, w₂ and b the learner looks for, so that it classifies every one right. No Flask.

- ``model``: the challenge link's pieces (``people``, ``title``, ``lock``) parsed
  strictly, and the link written back in its one canonical form;
- ``link``: the whole link a page asks for (a built-in's ``name`` or a teacher's own),
  and the learner's ``w1``, ``w2``, ``b``, ``activation`` (through the lesson's parser);
- ``verdict``: the neuron run on every person: z, ŷ, the predicted label, right or not;
- ``separability``: whether any w₁, w₂, b (keeping the locked ones) can get everyone
  right, by an exact small linear program;
- ``hints``: which number to move which way for the nearest wrong person;
- ``builtins``: the ladder of built-in challenges, easiest first.
"""
