using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Perimeter.Localization;

namespace Perimeter.Web;

/// <summary>
/// Every error leaves as an RFC 9457 problem in the request's language. Unreadable bodies name the
/// field that broke; a 500 carries no stack trace and no personal data.
/// </summary>
internal static partial class Problems
{
    public static IServiceCollection AddProblems(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Title = TitleOf(status) ?? context.ProblemDetails.Title;
            if (status == StatusCodes.Status413PayloadTooLarge && context.ProblemDetails.Detail is null)
                context.ProblemDetails.Detail = Text.Format("BodyTooLarge",
                    context.HttpContext.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.MaxRequestBodyBytes);
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });

    public static WebApplication UseProblems(this WebApplication app)
    {
        // HandleAsync logs what it answers (a 500 as an error, bad input as information without the input): the middleware's
        // own error entry, with its stack trace, would make every refused body look like a fault.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleAsync, StatusCodeSelector = _ => 500, SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages();
        return app;
    }

    public static ProblemHttpResult Problem(int status, string messageKey, params object?[] args) =>
        TypedResults.Problem(detail: Text.Format(messageKey, args), statusCode: status, title: TitleOf(status));

    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: TitleOf(400));

    public static ValidationProblem Invalid(string field, string messageKey, params object?[] args)
    {
        var errors = new FieldErrors();
        errors.Add(field, messageKey, args);
        return Invalid(errors);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        IResult result = error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem(413, "BodyTooLarge", context.RequestServices.GetRequiredService<IOptions<NodeOptions>>().Value.MaxRequestBodyBytes),
            BadHttpRequestException { InnerException: JsonException json } =>
                Invalid(FieldOf(json), "InvalidJson", json.Message.Split(" Path:", 2)[0]),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problem(415, "UnsupportedMediaType"),
            BadHttpRequestException bad => Problem(bad.StatusCode, "BadRequest"),
            JsonException json => Invalid(FieldOf(json), "InvalidJson", json.Message.Split(" Path:", 2)[0]),
            Features.Federation.NoFederationIdentityException => Problem(409, "NoFederationIdentity"),
            _ => Problem(500, "ServerError"),
        };
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Perimeter.Errors");
        var reason = error?.GetType();
        if (result is IStatusCodeHttpResult { StatusCode: 500 })
            LogUnhandled(logger, error, context.Request.Method, context.Request.Path);
        else
            LogRefused(logger, context.Request.Method, context.Request.Path, reason);
        await result.ExecuteAsync(context);
    }

    /// <summary><c>$.markings.tlp</c> → <c>markings.tlp</c>; the body itself when the path is unknown.</summary>
    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? error, string method, PathString path);

    // The refused input stays out of the log: it is the sender's, and may be hostile.
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, Type? reason);

    private static string? TitleOf(int status) => status switch
    {
        400 => Text.Get("InvalidRequest"),
        401 => Text.Get("Unauthorized"),
        403 => Text.Get("Forbidden"),
        404 => Text.Get("NotFound"),
        405 => Text.Get("MethodNotAllowedTitle"),
        409 => Text.Get("Conflict").Split(':')[0],
        413 => Text.Get("BodyTooLargeTitle"),
        429 => Text.Get("TooManyRequestsTitle"),
        500 => Text.Get("ServerError"),
        _ => null,
    };
}
