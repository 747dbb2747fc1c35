"""Puzzle generators and file readers for training and evaluation."""
