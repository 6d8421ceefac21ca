// The API docs page: Swagger UI (vendored) reading this server's OpenAPI description.
SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true});
