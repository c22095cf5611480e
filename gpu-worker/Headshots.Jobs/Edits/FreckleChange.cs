namespace Headshots.Jobs.Edits;

public enum FreckleChange
{
    None,
    Add,
    Soften,
}
