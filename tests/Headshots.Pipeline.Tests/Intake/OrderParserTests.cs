using System.Text;
using Headshots.Pipeline.Intake;

namespace Headshots.Pipeline.Tests.Intake;

public sealed class OrderParserTests
{
    static readonly string[] Defaults = ["corporate-grey"];

    static OrderParseResult Parse(string json) => OrderParser.Parse(Encoding.UTF8.GetBytes(json), Defaults);

    [Fact]
    public void Parse_ValidOrder_ReturnsEmailNameAndLooks()
    {
        var result = Parse("""{"email":"ada@example.com","name":"Ada","looks":["bw-editorial","dark-studio"]}""");

        Assert.Null(result.Error);
        Assert.Equal("ada@example.com", result.Order!.Email);
        Assert.Equal("Ada", result.Order.Name);
        Assert.Equal(["bw-editorial", "dark-studio"], result.Order.Looks);
    }

    [Fact]
    public void Parse_NoLooks_UsesDefaults()
    {
        Assert.Equal(Defaults, Parse("""{"email":"ada@example.com"}""").Order!.Looks);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("", "empty")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"looks":["bw-editorial"]}""", "\"email\" field is missing")]
    [InlineData("""{"email":"not-an-address"}""", "is not an email address")]
    [InlineData("""{"email":"ada@example.com","looks":["glamour"]}""", "\"glamour\" is not a look")]
    [InlineData("""{"email":"ada@example.com","looks":"bw-editorial"}""", "must be a list")]
    public void Parse_BadOrder_NamesTheProblem(string json, string expected)
    {
        var result = Parse(json);

        Assert.Null(result.Order);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public void Parse_BadLookButGoodEmail_KeepsTheAddressToTellThePerson()
    {
        var result = Parse("""{"email":"ada@example.com","looks":["glamour"]}""");

        Assert.Equal("ada@example.com", result.ReachableEmail);
    }

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("Ada <ada@example.com>", false)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada example@example.com", false)]
    [InlineData("@example.com", false)]
    public void IsEmailAddress_Various_AcceptsOnlyPlainAddresses(string text, bool expected)
    {
        Assert.Equal(expected, OrderParser.IsEmailAddress(text));
    }
}
