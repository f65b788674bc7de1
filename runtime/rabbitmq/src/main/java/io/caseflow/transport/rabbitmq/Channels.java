package io.caseflow.transport.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening and closing the channels this package's publishers and probes keep for themselves. */
final class Channels {
    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

    private Channels() {
    }

    /** A new channel on the current connection; fails, saying so, when there is none. */
    static Channel open(Supplier<Connection> connection) throws IOException {
        Connection live = connection.get();
        if (live == null || !live.isOpen()) {
            throw new IOException("not connected to RabbitMQ");
        }
        return live.createChannel();
    }

    /** Closes a channel that may already be broken; a failure to close it is no news. */
    static void closeQuietly(Channel channel) {
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                LOG.debug("closing a channel that was already broken: {}", e.getMessage());
            }
        }
    }
}
