using Microsoft.AspNetCore.Routing.Template;

namespace Perimeter.Web;

/// <summary>
/// The methods the node's endpoints answer on a path. The fallback endpoint, which answers every method, would otherwise
/// turn a known path asked with the wrong method into a 404; with this it answers 405 with <c>Allow</c>, as HTTP says.
/// </summary>
internal sealed class AllowedMethods(EndpointDataSource endpoints, IInlineConstraintResolver constraints)
{
    private sealed record Route(TemplateMatcher Matcher, IReadOnlyList<(string Parameter, IRouteConstraint Constraint)> Constraints, IReadOnlyList<string> Methods);

    private IReadOnlyList<Route>? _routes;

    public IReadOnlyList<string> On(HttpContext context)
    {
        var path = context.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var route in _routes ??= Routes())
        {
            var values = new RouteValueDictionary();
            if (route.Matcher.TryMatch(path, values)
                && route.Constraints.All(c => c.Constraint.Match(context, null, c.Parameter, values, RouteDirection.IncomingRequest)))
                allowed.UnionWith(route.Methods);
        }
        return [.. allowed];
    }

    private List<Route> Routes() =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } && e.RoutePattern.RawText is not null)
            .Select(e => new Route(
                new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary()),
                [.. e.RoutePattern.ParameterPolicies.SelectMany(p => p.Value.Where(r => r.Content is not null)
                    .Select(r => (p.Key, constraints.ResolveConstraint(r.Content!)))
                    .Where(c => c.Item2 is not null).Select(c => (c.Key, c.Item2!)))],
                e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))];
}
