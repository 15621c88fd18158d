package org.jgrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's options: their default values, in a fixed order, and the rule each must obey.
 *
 * @param defaults option name to default value
 * @param rules option name to the values it accepts; the same names as {@code defaults}
 */
public record OptionTable(Map<String, Double> defaults, Map<String, OptionRule> rules) {

    public OptionTable {
        if (!defaults.keySet().equals(rules.keySet())) {
            throw new IllegalArgumentException("OptionTable: defaults " + defaults.keySet() + " and rules "
                    + rules.keySet() + " must name the same options");
        }
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        rules = Map.copyOf(rules);
    }

    /** A table from (name, default value, rule) triples, e.g. {@code of("lr", 0.1, OptionRule.NON_NEGATIVE)}. */
    public static OptionTable of(Object... namesValuesRules) {
        if (namesValuesRules.length % 3 != 0) {
            throw new IllegalArgumentException("OptionTable.of: expected (name, value, rule) triples, got "
                    + namesValuesRules.length + " arguments");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, OptionRule> rules = new LinkedHashMap<>();
        for (int i = 0; i < namesValuesRules.length; i += 3) {
            values.put((String) namesValuesRules[i], ((Number) namesValuesRules[i + 1]).doubleValue());
            rules.put((String) namesValuesRules[i], (OptionRule) namesValuesRules[i + 2]);
        }
        return new OptionTable(values, rules);
    }
}
