using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Components.Shared;

namespace Perimeter.Tests.Components.Shared;

public sealed class PagerTests
{
    [Fact]
    public void A_middle_page_links_both_ways_and_keeps_the_filters()
    {
        using var context = new ComponentContext("es-MX");
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo("/alerts?purpose=sanctions&q=guzm%C3%A1n&page=2");
        var pager = context.Bunit.Render<Pager>(p => p.Add(c => c.Page, 2).Add(c => c.PageSize, 25).Add(c => c.Total, 1_234));

        var links = pager.FindAll("a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Equal("26–50 de 1,234", pager.Find("span").TextContent);
        Assert.Equal("Anterior", links[0].TextContent);
        Assert.Contains("page=1", links[0].Item2, StringComparison.Ordinal);
        Assert.Contains("page=3", links[1].Item2, StringComparison.Ordinal);
        Assert.All(links, l => Assert.Contains("q=guzm%C3%A1n", l.Item2, StringComparison.Ordinal));
    }

    [Fact]
    public void The_last_page_has_no_next_link_and_one_page_only_counts()
    {
        using var context = new ComponentContext();
        var last = context.Bunit.Render<Pager>(p => p.Add(c => c.Page, 3).Add(c => c.PageSize, 25).Add(c => c.Total, 60));
        var single = context.Bunit.Render<Pager>(p => p.Add(c => c.Page, 1).Add(c => c.PageSize, 25).Add(c => c.Total, 7));

        Assert.Equal(["Previous"], last.FindAll("a").Select(a => a.TextContent));
        Assert.Equal("51–60 of 60", last.Find("span").TextContent);
        Assert.Empty(single.FindAll("a"));
        Assert.Equal("7 shown", single.Find("p").TextContent);
    }
}
