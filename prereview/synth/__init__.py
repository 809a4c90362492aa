"""Synthetic materials: realistic, labelled Chinese government documents for training and tests."""
