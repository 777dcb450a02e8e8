using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Territories;

namespace HakuWinay.Contests.Tests.FollowUp;

public sealed class TechnicianPickerTests
{
    [Fact]
    public void The_closest_technician_follows_the_award()
    {
        TechnicianLoad[] technicians = [new("far", "050201", 0), new("near", "050108", 3)];

        Assert.Equal("near", TechnicianPicker.Pick(technicians, "050108"));
    }

    [Fact]
    public void A_technician_whose_scope_does_not_hold_the_group_is_never_picked()
    {
        TechnicianLoad[] technicians = [new("apurimac", "050108", 0, StaffScope.Of(["03"])), new("ayacucho", "050201", 5, StaffScope.Of(["05"]))];

        Assert.Equal("ayacucho", TechnicianPicker.Pick(technicians, "050108"));
        Assert.Null(TechnicianPicker.Pick([technicians[0]], "050108"));
    }
}
