"""The apontamentos domain: dataset import, business rules, typed queries and the Portuguese engine.

No Bot Framework or Azure Functions imports live here.
"""
