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
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleAsync, StatusCodeSelector = _ => 500 });
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
            _ => Problem(500, "ServerError"),
        };
        if (result is IStatusCodeHttpResult { StatusCode: 500 })
            LogUnhandled(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Perimeter.Errors"), error, context.Request.Method, context.Request.Path);
        await result.ExecuteAsync(context);
    }

    /// <summary><c>$.markings.tlp</c> → <c>markings.tlp</c>; the body itself when the path is unknown.</summary>
    private static string FieldOf(JsonException json) =>
        json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception? error, string method, PathString path);

    private static string? TitleOf(int status) => status switch
    {
        400 => Text.Get("InvalidRequest"),
        401 => Text.Get("Unauthorized"),
        403 => Text.Get("Forbidden"),
        404 => Text.Get("NotFound"),
        409 => Text.Get("Conflict").Split(':')[0],
        413 => Text.Get("BodyTooLargeTitle"),
        500 => Text.Get("ServerError"),
        _ => null,
    };
}
