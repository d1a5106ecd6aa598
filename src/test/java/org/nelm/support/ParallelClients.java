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
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients, THREADS));
        CountDownLatch ready = new CountDownLatch(Math.min(clients, THREADS));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int index = i;
                Callable<ApiResponse> call = () -> {
                    ready.countDown();
                    start.await();
                    return request.apply(index);
                };
                futures.add(pool.submit(call));
            }
            ready.await();
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
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
