"""Customer interviews: the riskiest assumptions of a canvas, a kit to test them in the practice of *The Mom
Test*, and interview notes read back against those assumptions (supported, contradicted, untouched).
"""
