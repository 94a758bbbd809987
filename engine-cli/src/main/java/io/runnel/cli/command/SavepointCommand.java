package io.runnel.cli.command;

import io.runnel.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code runnel savepoint}: a placeholder that explains why there is no such command yet and what to do instead.
 * A job started with {@code runnel run} runs on an embedded cluster inside that process, which no other process
 * can reach; savepoints of jobs on a shared cluster come with cluster mode. Until then {@code runnel run} itself
 * takes them: with {@code --savepoint-dir DIR} on Ctrl-C or SIGTERM, and after {@code --stop-with-savepoint-after}.
 *
 * <p><b>Errors:</b> always a usage error (exit code 2), whatever the arguments.
 *
 * <p><b>Threading:</b> the thread that executes the command line.
 */
@Command(name = "savepoint", mixinStandardHelpOptions = true,
        description = {"Not available yet: savepoints of jobs on a shared cluster need cluster mode.",
            "A job started with 'runnel run' runs on an embedded cluster inside that process; take its savepoint",
            "with 'runnel run --savepoint-dir DIR ...' and Ctrl-C (or SIGTERM), or with",
            "'--stop-with-savepoint-after DURATION'; resume it with 'runnel run --from-savepoint PATH ...'."})
public final class SavepointCommand implements Callable<Integer> {

    static final String MESSAGE = "'runnel savepoint' needs cluster mode, which Runnel does not have yet: a job "
            + "started with 'runnel run' runs on an embedded cluster inside that process. Start the job with "
            + "'runnel run --savepoint-dir DIR ...' and press Ctrl-C (or send SIGTERM) to stop it with a savepoint, "
            + "or add '--stop-with-savepoint-after DURATION'; resume with 'runnel run --from-savepoint PATH ...'";

    @Parameters(paramLabel = "ARGS", arity = "0..*", description = "Ignored.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        throw CliException.usage(MESSAGE);
    }
}
