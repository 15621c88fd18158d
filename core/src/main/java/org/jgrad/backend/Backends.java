package org.jgrad.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Chooses and holds backends. The default is the one named by {@code -Djgrad.backend} or
 * {@code JGRAD_BACKEND}, else the best that starts (CUDA, then OpenCL, then CPU) among those that do
 * not ask to be passed over ({@link BackendProvider#notChosenAutomaticallyBecause}; those are tried
 * when nothing else starts). A backend that
 * cannot start is logged in one line and the next is tried; naming one that cannot start is an
 * error that says why. Each backend is started at most once per JVM.
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    private static final Map<String, Backend> STARTED = new HashMap<>();
    private static Backend defaultBackend;

    private Backends() {
    }

    /** The backend new tensors go to unless another is given. */
    public static synchronized Backend getDefault() {
        if (defaultBackend == null) {
            defaultBackend = select(System.getProperty("jgrad.backend", System.getenv("JGRAD_BACKEND")));
        }
        return defaultBackend;
    }

    /** Makes {@code backend} the default for new tensors. */
    public static synchronized void setDefault(Backend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("setDefault: backend is null");
        }
        defaultBackend = backend;
    }

    /** Names of the backends on the class path, best first. */
    public static List<String> available() {
        return providers().stream().map(BackendProvider::name).toList();
    }

    /**
     * The backend called {@code name}, started on first use.
     *
     * @throws IllegalStateException naming the backend and why it cannot start
     */
    public static synchronized Backend named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        Backend started = STARTED.get(key);
        if (started != null) {
            return started;
        }
        for (BackendProvider provider : providers()) {
            if (provider.name().equals(key)) {
                try {
                    return start(provider);
                } catch (BackendUnavailableException e) {
                    throw new IllegalStateException("backend '" + key + "' is unavailable: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("backend '" + key + "' is not on the class path; found " + available());
    }

    /**
     * The backend {@code requested} names, or when it is null or blank the best one that starts;
     * each that cannot start is logged with its reason and skipped. Providers that ask to be passed
     * over are tried last, when no other backend starts (an OpenCL CPU device without jgrad's CPU
     * backend on the class path is better than none).
     *
     * @throws IllegalStateException when the named backend cannot start, or none can
     */
    public static synchronized Backend select(String requested) {
        if (requested != null && !requested.isBlank()) {
            return named(requested);
        }
        return selectAutomatically(providers());
    }

    /** The automatic choice among {@code providers}, best first. */
    static Backend selectAutomatically(List<BackendProvider> providers) {
        List<String> reasons = new ArrayList<>();
        List<BackendProvider> passedOver = new ArrayList<>();
        for (BackendProvider provider : providers) {
            try {
                String why = provider.notChosenAutomaticallyBecause();
                if (why == null) {
                    return start(provider);
                }
                passedOver.add(provider);
                LOG.log(System.Logger.Level.INFO, "backend " + provider.name() + " passed over: " + why);
            } catch (BackendUnavailableException | RuntimeException | LinkageError e) {
                fail(provider, e, reasons);
            }
        }
        for (BackendProvider provider : passedOver) {
            try {
                Backend backend = start(provider);
                LOG.log(System.Logger.Level.INFO, "backend " + provider.name() + " chosen after all: no other backend"
                        + " started " + reasons);
                return backend;
            } catch (BackendUnavailableException | RuntimeException | LinkageError e) {
                fail(provider, e, reasons);
            }
        }
        throw new IllegalStateException("no backend could start: " + reasons
                + " (add jgrad-backend-cpu to the class path for the pure-Java one)");
    }

    private static void fail(BackendProvider provider, Throwable e, List<String> reasons) {
        String reason = provider.name() + ": " + e.getMessage();
        reasons.add(reason);
        LOG.log(System.Logger.Level.INFO, "backend " + reason + "; trying the next one");
    }

    private static Backend start(BackendProvider provider) throws BackendUnavailableException {
        Backend backend = provider.create();
        STARTED.put(provider.name(), backend);
        LOG.log(System.Logger.Level.DEBUG, "started backend " + backend.description());
        return backend;
    }

    private static List<BackendProvider> providers() {
        List<BackendProvider> found = new ArrayList<>();
        ServiceLoader.load(BackendProvider.class).forEach(found::add);
        found.sort(Comparator.comparingInt(BackendProvider::priority).reversed());
        return found;
    }
}
