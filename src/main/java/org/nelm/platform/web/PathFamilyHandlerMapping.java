package org.nelm.platform.web;

import java.lang.reflect.Method;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Mounts every {@link NelmApi} controller once per path family instead of one copy of it per family. */
class PathFamilyHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
        RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
        NelmApi api = AnnotatedElementUtils.findMergedAnnotation(handlerType, NelmApi.class);
        if (info == null || api == null) {
            return info;
        }
        Set<String> patterns = info.getPatternValues();
        String[] expanded = patterns.stream()
                .flatMap(pattern -> PathFamilies.expand(pattern, api.perApiFamily()).stream())
                .toArray(String[]::new);
        return info.mutate().options(getBuilderConfiguration()).paths(expanded).build();
    }
}
