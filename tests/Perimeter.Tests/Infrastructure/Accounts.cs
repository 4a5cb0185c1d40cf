using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Users;

namespace Perimeter.Tests.Infrastructure;

/// <summary>Users, cookie sign-ins and problem bodies, the way a browser or a program meets them.</summary>
public static class Accounts
{
    /// <summary>Long enough for the node's 12-character rule, and nothing else is required.</summary>
    public const string Password = "a long enough passphrase";

    private static int _counter;

    /// <summary>Adds a user through <see cref="UserService"/>, as the operator's CLI does.</summary>
    public static Task<UserView> AddUserAsync(this TestNode node, Role role, CancellationToken ct, string agency = TestNode.Agency) =>
        node.AddUserAsync([role], ct, agency);

    /// <summary>Adds a user who holds every one of <paramref name="roles"/>, as a user of a small agency may.</summary>
    public static async Task<UserView> AddUserAsync(this TestNode node, IReadOnlyList<Role> roles, CancellationToken ct, string agency = TestNode.Agency)
    {
        await node.EnsureAgencyAsync(agency, ct);
        await using var scope = node.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserService>().AddAsync(
            new NewUser($"user{Interlocked.Increment(ref _counter)}", Password, agency, roles), Caller.Operator(TestNode.Agency), ct);
        return added.User ?? throw new InvalidOperationException($"user not added: {added.Errors}");
    }

    /// <summary>A client that keeps cookies, as a browser would.</summary>
    public static HttpClient Browser(this TestNode node) =>
        node.Anonymous(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true });

    /// <summary>A client that presents <paramref name="secret"/> as a bearer token, and names a purpose when given one.</summary>
    public static HttpClient Bearer(this TestNode node, string secret, Purposes purpose = Purposes.None)
    {
        var client = node.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        if (purpose != Purposes.None)
            client.DefaultRequestHeaders.Add(Caller.PurposeHeader, MarkingText.Of<Purposes>(purpose));
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password, CancellationToken ct) =>
        client.PostAsJsonAsync("/api/v1/session", new SignInRequest(userName, password), PerimeterJson.Options, ct);

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/>.</summary>
    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
