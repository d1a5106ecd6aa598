package org.nelm.platform;

import java.util.Map;
import org.nelm.platform.web.NelmApi;
import org.nelm.security.Caller;
import org.nelm.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exists only on the test classpath: an API endpoint that fails on purpose, so the 500 path and the JSON body
 * handling of the platform can be tested through the real stack.
 */
@RestController
@NelmApi
@RequestMapping("/nelm-test-faults")
class FaultInjectionController {

    private final CurrentCaller currentCaller;

    FaultInjectionController(CurrentCaller currentCaller) {
        this.currentCaller = currentCaller;
    }

    @GetMapping("/read")
    Map<String, Object> read() {
        Caller caller = currentCaller.reader();
        return Map.of("clientId", caller.clientId(), "canManage", caller.canManage());
    }

    @GetMapping("/boom")
    Map<String, String> boom() {
        throw new IllegalStateException("injected fault with secret detail");
    }

    @PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> echo(@RequestBody Map<String, Object> body) {
        return body;
    }
}
