package org.jgrad.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/** The Spark context a jgrad program trains on: the one spark-submit configured, else an embedded {@code local[N]}. */
public final class SparkContexts {
    private SparkContexts() {
    }

    /**
     * The running context, or a new one from the {@code spark.*} system properties (spark-submit
     * sets {@code spark.master}); without a master, an embedded {@code local[workers]} with the
     * web UI off. Barrier stages need a slot per partition, so give it at least {@code workers}.
     */
    public static JavaSparkContext getOrCreate(String appName, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("SparkContexts: workers must be >= 1, got " + workers);
        }
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[" + workers + "]").set("spark.ui.enabled", "false");
        }
        return JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    }
}
