/* The runner itself: a case that checks nothing must fail (see rbtest.h). ctest expects
 * this executable to say so and to exit non-zero. */
#include "rbtest.h"

static void test_support_runner__case_without_a_check(void)
{
}

static void test_support_runner__case_with_a_check(void)
{
    rbt_assert_int(2, 1 + 1);
}

RBT_MAIN(T(test_support_runner__case_without_a_check), T(test_support_runner__case_with_a_check))
