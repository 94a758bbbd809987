package io.runnel.runtime.operators.windowing;

import io.runnel.api.functions.Function;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.functions.RuntimeContext;

/**
 * Opens and closes the user functions of a window operator (its incremental function and window function), either
 * of which may be absent or not rich.
 *
 * <p><b>Threading:</b> stateless; called on the task thread.
 */
final class UserFunctions {

    private UserFunctions() {
    }

    /** Gives each rich function the runtime context and opens it, in order. @throws Exception from open() */
    static void open(RuntimeContext context, Function... functions) throws Exception {
        for (Function f : functions) {
            if (f instanceof RichFunction rich) {
                rich.setRuntimeContext(context);
                rich.open();
            }
        }
    }

    /** Closes each rich function, in reverse order. @throws Exception from close() */
    static void close(Function... functions) throws Exception {
        for (int i = functions.length - 1; i >= 0; i--) {
            if (functions[i] instanceof RichFunction rich) {
                rich.close();
            }
        }
    }
}
