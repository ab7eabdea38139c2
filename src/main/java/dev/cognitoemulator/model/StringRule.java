package dev.cognitoemulator.model;

import java.util.List;

/** The model's constraints on a string shape; null where the shape sets none. Lengths count code points. */
record StringRule(Long min, Long max, ValuePattern pattern, List<String> enumValues, boolean sensitive) {
}
