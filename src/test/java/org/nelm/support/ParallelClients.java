package org.nelm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real parallel HTTP clients: every request waits at a start line, then all go at once. */
public final class ParallelClients {

    public static final int THREADS = 8;

    private ParallelClients() {
    }

    public static List<ApiResponse> race(int clients, IntFunction<ApiResponse> request) throws Exception {
        List<Callable<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            calls.add(() -> request.apply(index));
        }
        return race(calls);
    }

    /** The calls at once (up to {@link #THREADS} in parallel), their results in the calls' order. */
    public static <T> List<T> race(List<Callable<T>> calls) throws Exception {
        int threads = Math.min(calls.size(), THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public static long count(List<ApiResponse> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    public static long count(List<ApiResponse> responses, String detailCode) {
        return responses.stream().filter(r -> r.status() == 400 && detailCode.equals(r.detailCode())).count();
    }
}
