package org.runonce.starter.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runonce.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's OpenAPI document says the same way, so that a portal developer can generate a client from it
 * (issue 20): an {@code operationId} unique in the document ({@code <controller><Method>}, e.g.
 * {@code caseClaim}, where springdoc alone numbers clashes {@code all_1}), a description of who may call (from
 * {@code @PreAuthorize} and {@code runonce.security.public-paths}: public operations need no token), every error
 * answered as {@code application/problem+json} with the {@code Problem} schema (400 where the operation takes input,
 * 401 where it needs a token, 403 where it needs a role, 404 where its path names something), the gateway as the
 * server (a relative URL: the documents are read through it), and the tags the operations use declared.
 */
final class ApiConventions {

    static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Pattern ROLE = Pattern.compile("'([a-z][a-z0-9-]*)'");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final Map<String, String> ERRORS = Map.of(
            "400",
                    "Bad input: validation-failed (every invalid field in errors[] with a stable code), "
                            + "malformed-request or type-mismatch; nothing was changed",
            "401", "No valid token for this service (missing, expired, other issuer or audience)",
            "403", "The caller's roles or department do not allow this",
            "404", "Not found, or not visible to this caller");

    /** The documentation shape of the problems {@code ProblemDetailsAdvice} answers with. */
    @Schema(
            name = "Problem",
            description = "An RFC 9457 problem; type is a stable URI, title and detail follow Accept-Language")
    record ProblemDocument(
            @Schema(format = "uri", example = "https://runonce.org/problems/validation-failed")
            String type,

            @Schema(example = "Invalid request") String title,
            @Schema(example = "400") int status,
            @Schema(example = "name: must not be blank") String detail,

            @Schema(format = "uri-reference", example = "/api/intake/applications")
            String instance,

            @Schema(description = "every invalid field, for validation-failed")
            List<FieldProblem> errors) {}

    /** A {@code runonce.security.public-paths} entry: {@code [METHOD ]pattern}, as the security configuration reads it. */
    private record OpenPath(String method, PathPattern pattern) {

        static OpenPath of(String entry) {
            String[] methodAndPattern = entry.trim().split("\\s+", 2);
            var parser = PathPatternParser.defaultInstance;
            return methodAndPattern.length == 2
                    ? new OpenPath(methodAndPattern[0], parser.parse(methodAndPattern[1]))
                    : new OpenPath(null, parser.parse(methodAndPattern[0]));
        }

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && pattern.matches(PathContainer.parsePath(path));
        }
    }

    private ApiConventions() {}

    /** Per operation, from its handler method: id, who may call, the errors its input and roles can cause. */
    static OperationCustomizer operations() {
        return (operation, handler) -> {
            var annotation = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (annotation == null || annotation.operationId().isBlank()) {
                operation.setOperationId(operationId(handler));
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null) {
                appendDescription(operation, "Who may call: " + roles(rule.value()) + ".");
                problem(operation, "403");
            }
            if (takesInput(handler)) {
                problem(operation, "400");
            }
            return operation;
        };
    }

    /** Over the whole document: servers, info, public operations, 401/404, problem media types, tags. */
    static OpenApiCustomizer document(String description, List<String> publicPaths) {
        List<OpenPath> open = publicPaths.stream().map(OpenPath::of).toList();
        return openApi -> {
            openApi.setServers(List.of(new Server()
                    .url("/")
                    .description("The RunOnce gateway that serves this document; paths carry the service's prefix")));
            openApi.getInfo()
                    .description(description)
                    .contact(new Contact().name("RunOnce").url("https://github.com/runonce/runonce"))
                    .license(new License().name("Apache-2.0").identifier("Apache-2.0"));
            ModelConverters.getInstance(true)
                    .readAll(new AnnotatedType(ProblemDocument.class))
                    .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
            Set<String> tags = new LinkedHashSet<>();
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        String concrete = TEMPLATE_VARIABLE.matcher(path).replaceAll("x");
                        boolean isPublic = open.stream().anyMatch(rule -> rule.matches(method.name(), concrete));
                        if (isPublic) {
                            operation.setSecurity(List.of());
                            appendDescription(operation, "No token needed.");
                        } else {
                            if (operation.getDescription() == null
                                    || !operation.getDescription().contains("Who may call")) {
                                appendDescription(
                                        operation,
                                        "Who may call: any caller with a valid token; the service shows each caller only what"
                                                + " is theirs (own applications, own department).");
                            }
                            problem(operation, "401");
                        }
                        if (path.contains("{")) {
                            problem(operation, "404");
                        }
                        asProblems(operation.getResponses());
                        if (operation.getTags() != null) {
                            tags.addAll(operation.getTags());
                        }
                    }));
            Map<String, Tag> declared = new TreeMap<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> declared.put(tag.getName(), tag));
            }
            tags.forEach(name -> declared.putIfAbsent(name, new Tag().name(name)));
            openApi.setTags(new ArrayList<>(declared.values()));
        };
    }

    /** {@code <controller without "Controller"><Method>}: {@code CaseController.claim -> caseClaim}. */
    static String operationId(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        return StringUtils.uncapitalize(controller)
                + StringUtils.capitalize(handler.getMethod().getName());
    }

    /** The roles a {@code @PreAuthorize} expression names, or the expression itself when it names none. */
    static String roles(String expression) {
        Matcher roles = ROLE.matcher(expression);
        List<String> names = new ArrayList<>();
        while (roles.find()) {
            names.add(roles.group(1));
        }
        return names.isEmpty() ? expression : "roles " + String.join(", ", names);
    }

    private static boolean takesInput(HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)
                    || parameter.isAnnotationPresent(RequestParam.class)
                    || parameter.isAnnotationPresent(PathVariable.class)
                    || parameter.isAnnotationPresent(RequestHeader.class)
                    || parameter.isAnnotationPresent(RequestPart.class)) {
                return true;
            }
        }
        return false;
    }

    private static void appendDescription(Operation operation, String sentence) {
        String description = operation.getDescription();
        operation.setDescription(
                description == null || description.isBlank() ? sentence : description.strip() + "\n\n" + sentence);
    }

    private static void problem(Operation operation, String status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().computeIfAbsent(status, code -> new ApiResponse().description(ERRORS.get(code)));
    }

    /** Every 4xx and 5xx response as a problem: the media type and schema the advice really answers with. */
    private static void asProblems(ApiResponses responses) {
        if (responses == null) {
            return;
        }
        responses.forEach((status, response) -> {
            if (!(status.startsWith("4") || status.startsWith("5")) || response.get$ref() != null) {
                return;
            }
            MediaType problem = new MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref(PROBLEM_REF));
            if (response.getContent() != null) {
                response.getContent().values().stream()
                        .filter(media -> media.getExample() != null || media.getExamples() != null)
                        .findFirst()
                        .ifPresent(media -> problem.example(media.getExample()).examples(media.getExamples()));
            }
            response.setContent(new Content().addMediaType(PROBLEM, problem));
        });
    }
}
