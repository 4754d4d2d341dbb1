"""Data rights: situations, preconditions and the assessment of every mechanism.

Import the parts directly (``railkit.rights.assess``, ``railkit.rights.situation``); this
package module stays empty so the knowledge-base models can use the condition language
without import cycles.
"""
